import { Fragment, useEffect, useId, useMemo } from 'react';
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
import { sectionRows, type Section } from './sectionRows.ts';
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

/**
 * Each guide in its own column, every block with its own `dir`, cut into sections at headings so
 * that the same heading of both guides starts on the same line (`sectionRows`). On a phone the
 * sections follow one another, each named by its guide.
 */
function SideBySide({ left, right }: { left: GuideContent; right: GuideContent }) {
  const rows = useMemo(() => sectionRows(left.content, right.content), [left, right]);
  return (
    <div className="compare-columns" data-testid="compare-side-by-side">
      <h2 className="compare-columns__title">
        <bdi>{left.guide.title}</bdi>
      </h2>
      <h2 className="compare-columns__title">
        <bdi>{right.guide.title}</bdi>
      </h2>
      {rows.map((row, index) => (
        <Fragment key={index}>
          <SectionCell section={row.left} guide={left.guide} side="left" />
          <SectionCell section={row.right} guide={right.guide} side="right" />
        </Fragment>
      ))}
    </div>
  );
}

function SectionCell({
  section,
  guide,
  side,
}: {
  section: Section | null;
  guide: GuideContent['guide'];
  side: 'left' | 'right';
}) {
  const { t } = useTranslation();
  const content = useMemo(() => section && { type: 'doc', content: section.blocks }, [section]);
  if (!content) return <div className="compare-cell compare-cell--empty" />;
  return (
    <div className="compare-cell">
      <p className="compare-cell__guide" aria-hidden="true">
        <bdi>{guide.title}</bdi>
      </p>
      <ReadOnlyContent
        content={content}
        label={t('compare.contentLabel', { name: guide.title })}
        className="read-only-guide"
        testId={`compare-${side}`}
      />
    </div>
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
