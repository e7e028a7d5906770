import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { GuideContent } from '@draftroom/shared';
import { loadGuides, loadProgramme } from '../api/loaders.ts';
import { useResource, type Resource } from '../api/useResource.ts';
import {
  compareModes,
  compareParams,
  readCompareParams,
  type CompareMode,
} from '../app/compareUrl.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { DiffView } from '../editor/readOnly/DiffView.tsx';
import { isolate } from '../format/text.ts';
import { ReadOnlyContent } from '../editor/readOnly/ReadOnlyContent.tsx';
import { RequireSignIn } from '../me/RequireSignIn.tsx';
import { ResourceState } from '../ui/ResourceState.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { useStatus } from '../ui/useStatus.ts';
import { GuidePicker } from './GuidePicker.tsx';
import { useGuideContent } from './useGuideContent.ts';
import '../styles/compare.css';

/**
 * `/compare?left=…&right=…[&mode=differences]`: two guides read-only, side by side or as one
 * text with the differences marked (the version history's diff). The server decides who may
 * read each guide; the choice lists only the guides this person may open.
 */
export function ComparePage() {
  return <RequireSignIn>{() => <CompareView />}</RequireSignIn>;
}

function CompareView() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { left, right, mode } = readCompareParams(params);
  const guides = useResource(loadGuides);
  const programme = useResource(loadProgramme);
  const leftContent = useGuideContent(left);
  const rightContent = useGuideContent(right);
  const { status, announce } = useStatus();

  const listed = guides.state.status === 'ready' ? guides.state.data : [];
  const titleOf = (id: string) => listed.find((guide) => guide.id === id)?.title;
  const leftTitle = titleOf(left);
  const rightTitle = titleOf(right);
  useDocumentTitle(
    leftTitle && rightTitle
      ? t('compare.titleOf', { left: isolate(leftTitle), right: isolate(rightTitle) })
      : t('compare.title'),
  );

  const both =
    leftContent.state.status === 'ready' && rightContent.state.status === 'ready'
      ? [leftContent.state.data, rightContent.state.data]
      : null;
  const [shownLeft, shownRight] = both ?? [null, null];
  // Said once per pair shown (the columns themselves are not a live region).
  useEffect(() => {
    if (!shownLeft || !shownRight) return;
    announce(
      t('compare.shown', {
        left: isolate(shownLeft.guide.title),
        right: isolate(shownRight.guide.title),
      }),
    );
  }, [shownLeft, shownRight, announce, t]);

  return (
    <div className="page page--wide compare-page">
      <h1>{t('compare.title')}</h1>
      <p className="muted">{t('compare.intro')}</p>
      {guides.state.status === 'ready' ? (
        <GuidePicker
          guides={guides.state.data}
          sessions={programme.state.status === 'ready' ? programme.state.data.sessions : []}
          left={left}
          right={right}
          onCompare={(l, r) => setParams(compareParams(l, r, mode))}
        />
      ) : (
        <ResourceState resource={guides.state} onRetry={guides.reload} />
      )}
      <ModeChoice
        mode={mode}
        onChange={(next) => setParams(compareParams(left, right, next), { replace: true })}
      />
      <StatusMessage message={status.message} id={status.id} />
      <LoadProblem content={leftContent.state} onRetry={leftContent.reload} />
      <LoadProblem content={rightContent.state} onRetry={rightContent.reload} />
      {shownLeft && shownRight && (
        <>
          {shownLeft.guide.id === shownRight.guide.id && (
            <p className="notice">{t('compare.sameGuide')}</p>
          )}
          {mode === 'differences' ? (
            <Differences left={shownLeft} right={shownRight} />
          ) : (
            <SideBySide left={shownLeft} right={shownRight} />
          )}
        </>
      )}
    </div>
  );
}

function LoadProblem({
  content,
  onRetry,
}: {
  content: Resource<GuideContent | null>;
  onRetry: () => void;
}) {
  return content.status === 'ready' ? null : <ResourceState resource={content} onRetry={onRetry} />;
}

/** Two radio buttons: the view changes at once (both guides are already loaded). */
function ModeChoice({
  mode,
  onChange,
}: {
  mode: CompareMode;
  onChange: (mode: CompareMode) => void;
}) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="compare-mode">
      <legend>{t('compare.modeLegend')}</legend>
      {compareModes.map((value) => (
        <label key={value} className="compare-mode__option">
          <input
            type="radio"
            name={name}
            value={value}
            checked={mode === value}
            onChange={() => onChange(value)}
          />{' '}
          {value === 'differences' ? t('compare.modeDifferences') : t('compare.modeSideBySide')}
        </label>
      ))}
    </fieldset>
  );
}

/** Each guide in its own column (stacked on a phone), every block with its own `dir`. */
function SideBySide({ left, right }: { left: GuideContent; right: GuideContent }) {
  return (
    <div className="compare-columns" data-testid="compare-side-by-side">
      <GuideColumn content={left} side="left" />
      <GuideColumn content={right} side="right" />
    </div>
  );
}

function GuideColumn({ content, side }: { content: GuideContent; side: 'left' | 'right' }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="compare-column" aria-labelledby={headingId}>
      <h2 id={headingId} className="compare-column__title">
        <bdi>{content.guide.title}</bdi>
      </h2>
      <ReadOnlyContent
        content={content.content}
        label={t('compare.contentLabel', { name: content.guide.title })}
        className="read-only-guide"
        testId={`compare-${side}`}
      />
    </section>
  );
}

/** One text: what the right guide has that the left has not is marked added, and the reverse. */
function Differences({ left, right }: { left: GuideContent; right: GuideContent }) {
  const { t } = useTranslation();
  return (
    <section className="compare-differences" aria-label={t('compare.modeDifferences')}>
      <p>
        {t('compare.diffExplained', {
          left: isolate(left.guide.title),
          right: isolate(right.guide.title),
        })}
      </p>
      <DiffView before={left.content} after={right.content} />
    </section>
  );
}
