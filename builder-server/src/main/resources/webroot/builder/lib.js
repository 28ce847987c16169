// The view libraries, bundled by the build under vendor/ (see fetch-web-libs.sh): Preact for
// components, htm for templates written as tagged strings (no compile step, no eval).
import { h, render, Fragment, createRef, Component } from './vendor/preact/preact.module.js';
import { useState, useEffect, useRef, useMemo, useCallback, useLayoutEffect } from './vendor/preact/hooks.module.js';
import htm from './vendor/htm/htm.module.js';

export const html = htm.bind(h);
export { h, render, Fragment, createRef, Component, useState, useEffect, useRef, useMemo, useCallback, useLayoutEffect };

/** Re-renders the calling component whenever `subscribe` reports a change. */
export function useSubscription(subscribe) {
  const [, setTick] = useState(0);
  useEffect(() => subscribe(() => setTick((n) => n + 1)), [subscribe]);
}
