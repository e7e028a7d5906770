import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxPollWordLength, maxPollWords, type BallotRequest, type Poll } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { TextField } from '../ui/fields/TextField.tsx';
import { FormActions } from '../ui/form/FormActions.tsx';
import type { Mapped, Problem } from '../ui/form/problems.ts';
import { useCheckedForm } from '../ui/form/useCheckedForm.ts';
import { moveItem, toWordBallot } from './pollLogic.ts';

interface BallotValues {
  /** Chosen option indexes (single, multiple). */
  choices: number[];
  /** Every option index, most preferred first (ranking). */
  order: number[];
  words: string[];
}
type BallotField = 'choices' | 'words';
type BallotProblem = { choose: 'chooseOne' | 'chooseSome' } | { rows: (Problem | undefined)[] };

function checkBallot(
  poll: Pick<Poll, 'kind'>,
  values: BallotValues,
): Mapped<BallotRequest, BallotField, BallotProblem> {
  switch (poll.kind) {
    case 'single':
      return values.choices.length === 1
        ? { ok: true, request: { choices: values.choices } }
        : { ok: false, problems: { choices: { choose: 'chooseOne' } } };
    case 'multiple':
      return values.choices.length > 0
        ? { ok: true, request: { choices: [...values.choices].sort((a, b) => a - b) } }
        : { ok: false, problems: { choices: { choose: 'chooseSome' } } };
    case 'ranking':
      return { ok: true, request: { choices: values.order } };
    case 'words': {
      const mapped = toWordBallot(values.words);
      return mapped.ok
        ? mapped
        : { ok: false, problems: { words: { rows: mapped.problems.words ?? [] } } };
    }
  }
}

/**
 * Voting in an open poll: radio buttons, check boxes, a ranking moved with buttons (each move
 * said with the new place), or up to three words. One final vote: once sent, the controls give
 * way to "You voted: …"; a second vote (another browser) is refused by the server, shown here.
 */
export function PollBallot({
  poll,
  sessionId,
  onVoted,
}: {
  poll: Poll;
  sessionId: string;
  onVoted: (ballot: { choices: number[]; words: string[] }) => void;
}) {
  const { t } = useTranslation();
  const { values, problems, apiError, busy, formRef, update, submit } = useCheckedForm({
    initial: (): BallotValues => ({
      choices: [],
      order: poll.options.map((_, index) => index),
      words: new Array<string>(maxPollWords).fill(''),
    }),
    fields: ['choices', 'words'] as const,
    check: (values: BallotValues) => checkBallot(poll, values),
    send: async (body: BallotRequest) => {
      await callApi('castBallot', { params: { sessionId, pollId: poll.id }, body });
      return { choices: body.choices ?? [], words: body.words ?? [] };
    },
    onSaved: onVoted,
  });
  const wordRows = problems.words && 'rows' in problems.words ? problems.words.rows : [];
  return (
    <form ref={formRef} className="poll-ballot" onSubmit={(event) => void submit(event)} noValidate>
      {poll.kind === 'words' ? (
        <fieldset className="org-choice-group">
          <legend>{t('polls.ballot.words')}</legend>
          <p className="field__hint">{t('polls.ballot.wordsHint', { max: maxPollWordLength })}</p>
          <div className="poll-ballot__words">
            {values.words.map((word, index) => (
              <TextField
                key={index}
                label={t('polls.ballot.word', { number: index + 1 })}
                value={word}
                onChange={(text) =>
                  update(
                    { words: values.words.map((old, at) => (at === index ? text : old)) },
                    'words',
                  )
                }
                problem={wordRows[index]}
                maxLength={maxPollWordLength}
              />
            ))}
          </div>
        </fieldset>
      ) : poll.kind === 'ranking' ? (
        <RankingControl
          options={poll.options}
          order={values.order}
          onChange={(order) => update({ order }, 'choices')}
        />
      ) : (
        <ChoiceFieldset
          poll={poll}
          chosen={values.choices}
          problem={
            problems.choices && 'choose' in problems.choices ? problems.choices.choose : null
          }
          onChange={(choices) => update({ choices }, 'choices')}
        />
      )}
      <p className="field__hint">{t('polls.ballot.final')}</p>
      <FormActions
        error={apiError}
        busy={busy}
        submitLabel={t('polls.ballot.vote')}
        busyLabel={t('polls.ballot.busy')}
      />
    </form>
  );
}

function ChoiceFieldset({
  poll,
  chosen,
  problem,
  onChange,
}: {
  poll: Poll;
  chosen: readonly number[];
  problem: 'chooseOne' | 'chooseSome' | null;
  onChange: (choices: number[]) => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const single = poll.kind === 'single';
  return (
    <fieldset className="org-choice-group" aria-describedby={problem ? `${base}-error` : undefined}>
      <legend>
        {single ? t('polls.ballot.chooseOneLegend') : t('polls.ballot.chooseSomeLegend')}
      </legend>
      <div className="org-choice-group__options org-choice-group__options--stacked">
        {poll.options.map((option, index) => (
          <label key={index} className="org-choice">
            <input
              type={single ? 'radio' : 'checkbox'}
              name={`${base}-choice`}
              value={index}
              checked={chosen.includes(index)}
              onChange={(event) =>
                onChange(
                  single
                    ? [index]
                    : event.target.checked
                      ? [...chosen, index]
                      : chosen.filter((choice) => choice !== index),
                )
              }
            />
            <span dir="auto">{option}</span>
          </label>
        ))}
      </div>
      {problem && (
        <p className="field__error" id={`${base}-error`}>
          {t(`polls.ballot.${problem}`)}
        </p>
      )}
    </fieldset>
  );
}

/**
 * A ranking by keyboard or pointer alike: each row has Move up and Move down; focus stays on the
 * button pressed (it moved with its row) and the row's new place is said in a status region.
 */
function RankingControl({
  options,
  order,
  onChange,
}: {
  options: readonly string[];
  order: readonly number[];
  onChange: (order: number[]) => void;
}) {
  const { t } = useTranslation();
  const [said, setSaid] = useState('');
  const [focus, setFocus] = useState<{ option: number; by: -1 | 1 } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    if (focus) buttons.current.get(`${focus.option}:${focus.by}`)?.focus();
  }, [focus, order]);
  const move = (place: number, by: -1 | 1) => {
    const target = place + by;
    if (target < 0 || target >= order.length) return;
    const option = order[place] ?? 0;
    onChange(moveItem(order, place, by));
    setFocus({ option, by });
    setSaid(
      t('polls.ballot.moved', { option: options[option], place: target + 1, total: order.length }),
    );
  };
  return (
    <fieldset className="org-choice-group">
      <legend>{t('polls.ballot.rankLegend')}</legend>
      <p className="field__hint">{t('polls.ballot.rankHint')}</p>
      <ol className="poll-ranking">
        {order.map((option, place) => (
          <li key={option} className="poll-ranking__row">
            <span className="poll-ranking__place" aria-hidden="true">
              {place + 1}
            </span>
            <span className="poll-ranking__option" dir="auto">
              {options[option]}
            </span>
            {([-1, 1] as const).map((by) => (
              <button
                key={by}
                type="button"
                className="button button--small"
                ref={(element) => {
                  if (element) buttons.current.set(`${option}:${by}`, element);
                  else buttons.current.delete(`${option}:${by}`);
                }}
                aria-disabled={by === -1 ? place === 0 : place === order.length - 1}
                onClick={() => move(place, by)}
              >
                {by === -1 ? t('polls.ballot.moveUp') : t('polls.ballot.moveDown')}
                <span className="visually-hidden">
                  {' '}
                  <bdi>{options[option]}</bdi>
                </span>
              </button>
            ))}
          </li>
        ))}
      </ol>
      <p role="status" className="visually-hidden">
        {said}
      </p>
    </fieldset>
  );
}

/** What the person voted, in the poll's own words, once their vote is in. */
export function YourBallot({
  poll,
  ballot,
}: {
  poll: Poll;
  ballot: { choices: number[]; words: string[] };
}) {
  const { t } = useTranslation();
  const items =
    poll.kind === 'words'
      ? ballot.words
      : ballot.choices.map((choice) => poll.options[choice] ?? '');
  const List = poll.kind === 'ranking' ? 'ol' : 'ul';
  return (
    <div className="poll-voted" data-testid="poll-voted">
      <p className="poll-voted__label">{t('polls.ballot.youVoted')}</p>
      <List className="poll-voted__list">
        {items.map((item, index) => (
          <li key={index}>
            <bdi>{item}</bdi>
          </li>
        ))}
      </List>
    </div>
  );
}
