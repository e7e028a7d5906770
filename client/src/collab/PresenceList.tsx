import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from './presence.ts';

/**
 * "Who is here": one entry per person (their devices counted), each with a coloured badge with
 * their initials inside, their name as text, a role badge for everyone but participants, and
 * "(you)" for yourself, so nothing depends on telling colours apart. On a phone the list folds
 * into a row of badges (guide.css); the name, role and devices stay for screen readers and in
 * the tooltip.
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
          {people.map((person) => {
            const role =
              person.role && person.role !== 'participant' ? t(`roles.${person.role}`) : null;
            const devices =
              person.devices > 1 ? t('presence.devices', { count: person.devices }) : null;
            const summary = [person.name, role, devices].filter(Boolean).join(' · ');
            return (
              <li
                key={person.key}
                className="presence__person"
                data-self={person.isSelf ? 'true' : undefined}
                data-testid="presence-person"
                title={summary}
              >
                <span
                  className="badge"
                  style={{ backgroundColor: person.color }}
                  aria-hidden="true"
                >
                  {person.initials}
                </span>
                <span className="presence__details">
                  {/* A long name is shortened; "(you)" stays whole, it is the cue that matters. */}
                  <bdi className="presence__name">{person.name}</bdi>
                  {person.isSelf && <span className="presence__you">{t('presence.you')}</span>}
                  {role && <span className="presence__role">{role}</span>}
                  {devices && <span className="presence__devices">{devices}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
