import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from './presence.ts';

/**
 * "Who is here". Each person has a coloured badge with their initials inside and their name as
 * text, and "(you)" marks yourself, so nothing depends on telling colours apart.
 */
export function PresenceList({ people }: { people: readonly Person[] }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  return (
    <section className="presence" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-heading">
        {t('presence.heading')}{' '}
        <span className="presence__count">
          ({new Intl.NumberFormat(i18n.language).format(people.length)})
        </span>
      </h2>
      {people.length === 0 ? (
        <p className="muted">{t('presence.empty')}</p>
      ) : (
        <ul className="presence__list" data-testid="presence-list">
          {people.map((person) => (
            <li
              key={person.clientId}
              className="presence__person"
              data-self={person.isSelf ? 'true' : undefined}
            >
              <span className="badge" style={{ backgroundColor: person.color }} aria-hidden="true">
                {person.initials}
              </span>
              {/* A long name is shortened; "(you)" stays whole, it is the cue that matters. */}
              <bdi className="presence__name" title={person.name}>
                {person.name}
              </bdi>
              {person.isSelf && <span className="presence__you">{t('presence.you')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
