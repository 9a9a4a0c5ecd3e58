'use client';

import { useFormStatus } from 'react-dom';
import { Button } from '@/components/ui/button';

/** The unsubscribe page's button: disabled with a "one moment" while its form is sent. */
export function SubmitButton({ label, pendingLabel, variant = 'default' }: { label: string; pendingLabel: string; variant?: 'default' | 'outline' }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" size="lg" variant={variant} disabled={pending} className="w-full sm:w-auto">
      {pending ? pendingLabel : label}
    </Button>
  );
}
