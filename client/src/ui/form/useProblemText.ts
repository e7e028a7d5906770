import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureValidationKey, Problem, ValidationKey } from './problems.ts';

/** Turns a field problem into its sentence in the interface's language. */
export function useProblemText(): (problem: Problem) => string {
  const { t } = useTranslation();
  return useCallback(
    (problem: Problem) =>
      problem.key.startsWith('registration.') || problem.key.startsWith('library.')
        ? t(problem.key as FeatureValidationKey, problem.values ?? {})
        : t(`organiser.validation.${problem.key as ValidationKey}`, problem.values ?? {}),
    [t],
  );
}
