/** How the page shows two guides: in two columns, or as one text with the differences marked. */
export type CompareMode = 'side-by-side' | 'differences';

export const compareModes: readonly CompareMode[] = ['side-by-side', 'differences'];

/**
 * The compare page's address, stable for links from elsewhere (the session page, the organisers'
 * dashboard): `/compare?left=<guideId>&right=<guideId>[&mode=differences]`.
 */
export function compareUrl(left: string, right: string, mode: CompareMode = 'side-by-side') {
  return `/compare?${compareParams(left, right, mode).toString()}`;
}

/** The query of `compareUrl`, for a page that changes its own address. */
export function compareParams(left: string, right: string, mode: CompareMode): URLSearchParams {
  const query = new URLSearchParams({ left, right });
  if (mode !== 'side-by-side') query.set('mode', mode);
  return query;
}

/** What the address asks for; anything unknown is the default (side by side, nothing chosen). */
export function readCompareParams(params: URLSearchParams) {
  const mode = params.get('mode');
  return {
    left: params.get('left') ?? '',
    right: params.get('right') ?? '',
    mode: (compareModes as readonly (string | null)[]).includes(mode)
      ? (mode as CompareMode)
      : 'side-by-side',
  };
}
