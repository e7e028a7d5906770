import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionPractices } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { countryName } from '../countries/countryNames.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { useStatus } from '../ui/useStatus.ts';
import { PracticeCombobox } from './PracticeCombobox.tsx';

type Item = SessionPractices['items'][number];

/**
 * Setting a running order: add approved practices (the library's search), name who presents
 * each, move them up or down (buttons, so the keyboard does it as well as the mouse), remove,
 * then save the whole order at once (`setSessionPractices`; the server checks every id).
 */
export function RunningOrderEditor({
  data,
  onSaved,
  onCancel,
}: {
  data: SessionPractices;
  onSaved: (saved: SessionPractices) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const [items, setItems] = useState<Item[]>(data.items);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { status, announce } = useStatus();
  const list = useRef<HTMLOListElement>(null);

  const focusButton = (index: number, action: string) =>
    setTimeout(() => {
      const row = list.current?.querySelectorAll<HTMLElement>(':scope > li')[index];
      row?.querySelector<HTMLButtonElement>(`[data-move="${action}"]`)?.focus();
    });
  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length) return;
    const next = [...items];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    setItems(next);
    // Focus follows the moved practice, so pressing the button again keeps moving it.
    focusButton(to, to < from ? 'up' : 'down');
  };
  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await callApi('setSessionPractices', {
        params: { sessionId: data.sessionId },
        body: {
          items: items.map(({ practiceId, presenter }) => ({
            practiceId,
            presenter: presenter ?? '',
          })),
        },
      });
      onSaved(saved);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <div className="running-order-editor" data-testid="running-order-editor">
      <StatusMessage message={status.message} id={status.id} />
      {items.length === 0 ? (
        <p className="muted">{t('citations.session.none')}</p>
      ) : (
        <ol ref={list} className="running-order">
          {items.map((item, index) => {
            const titleId = `${base}-title-${index}`;
            const presenterId = `${base}-presenter-${index}`;
            return (
              <li
                key={item.practiceId}
                className="running-order__item"
                data-testid="running-order-edit-item"
              >
                <p className="running-order__title" id={titleId}>
                  <bdi dir="auto">{item.title}</bdi>
                </p>
                <p className="running-order__meta">
                  <bdi dir="auto">{item.parliament}</bdi>
                  {item.country && <> · {countryName(item.country, i18n.language)}</>}
                </p>
                <div className="field">
                  <label htmlFor={presenterId}>{t('citations.session.presenter')}</label>
                  <input
                    id={presenterId}
                    type="text"
                    dir="auto"
                    maxLength={120}
                    aria-describedby={titleId}
                    value={item.presenter ?? ''}
                    onChange={(event) =>
                      setItems(
                        items.map((other, i) =>
                          i === index ? { ...other, presenter: event.target.value } : other,
                        ),
                      )
                    }
                  />
                </div>
                <p className="running-order__buttons">
                  <button
                    type="button"
                    className="button button--small"
                    data-move="up"
                    aria-describedby={titleId}
                    aria-disabled={index === 0 ? true : undefined}
                    onClick={() => move(index, index - 1)}
                  >
                    {t('citations.session.moveUp')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    data-move="down"
                    aria-describedby={titleId}
                    aria-disabled={index === items.length - 1 ? true : undefined}
                    onClick={() => move(index, index + 1)}
                  >
                    {t('citations.session.moveDown')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-describedby={titleId}
                    onClick={() => {
                      setItems(items.filter((_, i) => i !== index));
                      focusButton(Math.max(0, Math.min(index, items.length - 2)), 'up');
                    }}
                  >
                    {t('citations.session.remove')}
                  </button>
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <p className="muted">{t('citations.session.items', { count: items.length })}</p>
      <h3>{t('citations.session.addHeading')}</h3>
      <PracticeCombobox
        label={t('citations.dialog.search')}
        clearOnChoose
        hint={t('citations.session.searchHint')}
        isTaken={(practice) => items.some((item) => item.practiceId === practice.id)}
        onChoose={(practice) => {
          setItems([
            ...items,
            {
              practiceId: practice.id,
              title: practice.title,
              parliament: practice.parliament,
              country: practice.country,
              summary: practice.summary,
              presenter: '',
            },
          ]);
          announce(t('citations.session.added', { title: practice.title }));
        }}
      />
      {error !== null && <ErrorNotice error={error} />}
      <p className="form-actions">
        <button
          type="button"
          className="button button--primary"
          aria-disabled={busy}
          onClick={() => void save()}
        >
          {t('citations.session.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('citations.session.cancel')}
        </button>
      </p>
    </div>
  );
}
