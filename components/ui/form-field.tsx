import type * as React from 'react';

import { cn } from '@/lib/utils';
import { Label } from '@/components/ui/label';

type FieldError = string | readonly string[] | null | undefined;

function errorText(error: FieldError): string | undefined {
  if (error == null) return undefined;
  if (typeof error === 'string') return error || undefined;
  const joined = error.filter(Boolean).join(' ');
  return joined || undefined;
}

/**
 * Props that bind an input to its `FormField`: id/name, `aria-invalid` and
 * `aria-describedby` pointing at the error message (and, when `opts.description`
 * is set, at the field description too).
 */
function fieldProps(id: string, error?: FieldError, opts?: { description?: boolean }) {
  const hasError = errorText(error) !== undefined;
  const describedBy = [opts?.description ? `${id}-description` : null, hasError ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return {
    id,
    name: id,
    'aria-invalid': hasError || undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}

type FormFieldProps = {
  /** id of the control inside `children`; the label, description and error are bound to it. */
  id: string;
  label: React.ReactNode;
  error?: FieldError;
  description?: React.ReactNode;
  required?: boolean;
  className?: string;
  children: React.ReactNode;
};

function FormField({ id, label, error, description, required, className, children }: FormFieldProps) {
  const message = errorText(error);

  return (
    <div data-slot="form-field" data-invalid={message ? true : undefined} className={cn('grid gap-2', className)}>
      <Label htmlFor={id} className={cn(message && 'text-destructive')}>
        {label}
        {required && (
          <span aria-hidden="true" className="-ml-1 text-destructive">
            *
          </span>
        )}
      </Label>
      {children}
      {description && (
        <p id={`${id}-description`} data-slot="form-field-description" className="text-sm text-muted-foreground">
          {description}
        </p>
      )}
      {message && (
        <p id={`${id}-error`} data-slot="form-field-error" role="alert" className="text-sm text-destructive">
          {message}
        </p>
      )}
    </div>
  );
}

export { FormField, fieldProps, type FieldError, type FormFieldProps };
