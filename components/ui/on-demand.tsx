'use client';

import { Slot } from 'radix-ui';
import { useCallback, useEffect, useRef, useState, type ComponentType, type ReactElement } from 'react';

/**
 * How a control loaded on demand was asked to open before its code arrived: by a pointer, or
 * by a key (Enter, Space, or ArrowDown on a menu button). Undefined when only preloaded.
 */
type OpenedBy = 'pointer' | 'keyboard' | undefined;

/** What the loaded control needs to carry on where its stand-in left off (see `useHandover`). */
export type Handover = {
  /** The button the stand-in showed, to render as the real trigger (`asChild`). */
  trigger: ReactElement;
  /** Set when a press asked to open before the code arrived: replays it on the real trigger. */
  replay: ((trigger: HTMLButtonElement) => void) | undefined;
  /** The stand-in had focus: give it to the real trigger. */
  focusTrigger: boolean;
};

type Loaded<P> = { Control: ComponentType<P & Handover>; replay: Handover['replay']; focusTrigger: boolean };

const menuKeys = ['Enter', ' ', 'ArrowDown'];

/**
 * A menu or dialog whose Radix parts (positioning, focus trapping, scroll locking) stay
 * out of the page's first download: until they are needed, a stand-in renders the same button
 * with the same name and popup semantics. Its code is fetched on the first sign of use (pointer
 * over it, focus, a press), then the real control takes the stand-in's place; a press made
 * before the code arrived opens it as soon as it does, and focus stays on the button.
 *
 * The stand-in answers like the Radix trigger it stands for: a menu button opens on pointer
 * down and on Enter, Space or ArrowDown; a dialog button opens on click (Enter and Space click
 * a button). A press that came before the code is replayed on the real trigger, so Radix opens
 * the control exactly as it would have (after a key, a menu's first item has focus).
 */
export function OnDemand<P extends object>({
  load,
  popup,
  trigger,
  props,
}: {
  /** The real control, e.g. `() => import('./user-menu').then((m) => m.UserMenu)`: a stable function. */
  load: () => Promise<ComponentType<P & Handover>>;
  popup: 'menu' | 'dialog';
  trigger: ReactElement;
  props: P;
}) {
  const [loaded, setLoaded] = useState<Loaded<P> | null>(null);
  const standIn = useRef<HTMLElement>(null);
  const openedBy = useRef<OpenedBy>(undefined);
  const arrived = useRef<ComponentType<P & Handover> | null>(null);
  // A dialog button opens on the click that ends a press. Replaced in the middle of the press,
  // the button would lose that click (it goes to the element where the press began, gone by
  // then), so the swap waits for the press to end.
  const pressing = useRef(false);

  const swap = useCallback(() => {
    const Control = arrived.current;
    if (!Control || pressing.current) return;
    setLoaded((was) => was ?? { Control, replay: replays[popup][openedBy.current ?? 'none'], focusTrigger: document.activeElement === standIn.current });
  }, [popup]);

  // A failed fetch (the connection dropped) leaves the stand-in; the next sign of use asks again.
  const preload = useCallback(() => {
    load().then(
      (Control) => {
        arrived.current = Control;
        swap();
      },
      () => {},
    );
  }, [load, swap]);

  const ask = (by: 'pointer' | 'keyboard', toggle: boolean) => {
    openedBy.current = toggle && openedBy.current ? undefined : by;
    preload();
  };

  const pressEnded = () => {
    pressing.current = false;
    swap();
  };

  if (loaded) {
    const { Control } = loaded;
    return <Control {...props} trigger={trigger} replay={loaded.replay} focusTrigger={loaded.focusTrigger} />;
  }

  const handlers =
    popup === 'menu'
      ? {
          onPointerDown: (event: React.PointerEvent) => {
            if (event.button !== 0 || event.ctrlKey) return;
            ask('pointer', true);
            event.preventDefault();
          },
          onKeyDown: (event: React.KeyboardEvent) => {
            if (!menuKeys.includes(event.key)) return;
            ask('keyboard', event.key !== 'ArrowDown');
            event.preventDefault();
          },
        }
      : {
          onPointerDown: () => {
            pressing.current = true;
            preload();
          },
          // Space clicks a button when the key comes up.
          onKeyDown: (event: React.KeyboardEvent) => {
            if (event.key === ' ') pressing.current = true;
          },
          onClick: (event: React.MouseEvent) => {
            pressing.current = false;
            ask(event.detail === 0 ? 'keyboard' : 'pointer', true);
          },
          // Presses that end without a click: a touch that turned into scrolling, a mouse that
          // left the button before letting go, focus that moved away during Space.
          onPointerCancel: pressEnded,
          onPointerLeave: (event: React.PointerEvent) => {
            if (event.pointerType === 'mouse') pressEnded();
          },
          onBlur: pressEnded,
        };

  // What the Radix trigger would say of itself while closed (Slot's types know only HTML attributes, not `type`).
  const closedTrigger = { type: 'button', 'aria-haspopup': popup, 'aria-expanded': false, 'data-state': 'closed' };
  return (
    <Slot.Root ref={standIn} {...closedTrigger} onPointerEnter={preload} onFocus={preload} {...handlers}>
      {trigger}
    </Slot.Root>
  );
}

/** The press a Radix trigger reacts to, per popup and per way of pressing. */
const replays: Record<'menu' | 'dialog', Record<'pointer' | 'keyboard' | 'none', Handover['replay']>> = {
  menu: {
    pointer: (node) => node.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true, button: 0, pointerType: 'mouse', isPrimary: true })),
    keyboard: (node) => node.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'ArrowDown' })),
    none: undefined,
  },
  dialog: { pointer: (node) => node.click(), keyboard: (node) => node.click(), none: undefined },
};

/**
 * For the loaded control: a ref for its Radix trigger, which takes focus if the stand-in had
 * it, and then receives the press the stand-in could not answer. An effect, so that it runs
 * after the control's own (Radix's menu listens on the document for the keyboard in one).
 */
export function useHandover({ replay, focusTrigger }: Pick<Handover, 'replay' | 'focusTrigger'>) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  const pending = useRef<Pick<Handover, 'replay' | 'focusTrigger'> | null>({ replay, focusTrigger });
  useEffect(() => {
    const node = triggerRef.current;
    const handover = pending.current;
    // Once: a second run (development's strict mode) would press again and close it.
    pending.current = null;
    if (!node || !handover) return;
    if (handover.focusTrigger) node.focus();
    handover.replay?.(node);
  }, []);
  return triggerRef;
}
