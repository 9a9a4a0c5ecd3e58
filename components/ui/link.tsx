import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * `next/link` without prefetching by default. Every page here is dynamic and per person: a
 * prefetched link costs the server two requests (the route tree, then the segments down to the
 * loading boundary) for every link in view, whether or not it is ever clicked — 34 requests for
 * the office dashboard's navigation, more than the page itself. A click fetches what it needs.
 * Pass `prefetch` where a link is almost certainly the next step.
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
