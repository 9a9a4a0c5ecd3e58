import { createContext, useContext, useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { renderServerTree } from './render-server';

const ran: string[] = [];
const Theme = createContext('light');

async function Loader({ name, children }: { name: string; children?: ReactNode }) {
  await Promise.resolve();
  ran.push(name);
  return <section>{children}</section>;
}

function Frame({ header, children, empty }: { header: ReactNode; children: ReactNode; empty?: ReactNode }) {
  return (
    <div>
      {header}
      {children}
      {false && empty}
    </div>
  );
}

/** A client component: it calls hooks, and receives server-rendered elements as props. */
function Dialog({ trigger, children }: { trigger: ReactNode; children: ReactNode }) {
  const [open] = useState(false);
  return open ? children : trigger;
}

/** A library that hides the hook's own error behind one of its own, as next-intl does. */
function useThemeOrThrow() {
  try {
    return useContext(Theme);
  } catch {
    throw new Error('no provider');
  }
}
function Themed({ children }: { children: ReactNode }) {
  useThemeOrThrow();
  return children;
}

function Broken(): ReactNode {
  throw new Error('a server component that fails');
}

describe('renderServerTree', () => {
  it('awaits nested async components, through sync ones, fragments, arrays and client components’ props', async () => {
    ran.length = 0;
    const render = await renderServerTree(
      <Loader name="page">
        <Frame header={<Loader name="header" />} empty={<Loader name="empty, not rendered" />}>
          <>
            {[1, 2].map((n) => (
              <Loader key={n} name={`row ${n}`} />
            ))}
          </>
          <Dialog trigger={<Loader name="trigger" />}>
            <Themed>
              <Loader name="dialog body" />
            </Themed>
          </Dialog>
          <Theme value="dark">{Promise.resolve(<Loader name="streamed" />)}</Theme>
        </Frame>
      </Loader>,
    );
    expect(ran.sort()).toEqual(['dialog body', 'header', 'page', 'row 1', 'row 2', 'streamed', 'trigger']);
    expect(render.asyncComponents).toHaveLength(7);
  });

  it('lets a server component’s own error through', async () => {
    await expect(renderServerTree(<Loader name="page"><Broken /></Loader>)).rejects.toThrow('a server component that fails');
  });
});
