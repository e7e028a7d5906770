import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from './problems.ts';

/** Turns a field problem into its sentence in the interface's language. */
export function useProblemText(): (problem: Problem) => string {
  const { t } = useTranslation();
  return useCallback(
    (problem: Problem) => t(`organiser.validation.${problem.key}`, problem.values ?? {}),
    [t],
  );
}
