import type * as React from 'react';

import { cn } from '@/lib/utils';

/**
 * A styled plain `<select>` — works without JavaScript, so it suits server-rendered
 * GET filter forms. All props (name, defaultValue, onChange, aria-*, …) are forwarded.
 * The chevron is the `select-chevron` utility from app/globals.css.
 */
function NativeSelect({ className, ...props }: React.ComponentProps<'select'>) {
  return (
    <select
      data-slot="native-select"
      className={cn(
        'select-chevron h-9 w-full min-w-0 cursor-pointer appearance-none rounded-md border border-input bg-transparent py-1 pr-9 pl-3 text-base shadow-xs transition-[color,box-shadow] outline-none disabled:cursor-not-allowed disabled:opacity-50 md:text-sm dark:bg-input/30 dark:hover:bg-input/50',
        'focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50',
        'aria-invalid:border-destructive aria-invalid:ring-destructive/20 dark:aria-invalid:ring-destructive/40',
        // Options render in the OS popup; give them opaque theme colours (Chrome/Firefox on Windows & Linux).
        '[&_option]:bg-popover [&_option]:text-popover-foreground',
        className,
      )}
      {...props}
    />
  );
}

function NativeSelectOption(props: React.ComponentProps<'option'>) {
  return <option data-slot="native-select-option" {...props} />;
}

function NativeSelectOptGroup(props: React.ComponentProps<'optgroup'>) {
  return <optgroup data-slot="native-select-optgroup" {...props} />;
}

export { NativeSelect, NativeSelectOption, NativeSelectOptGroup };
