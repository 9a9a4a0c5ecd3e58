'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { completeAccountLinkAction } from '@/lib/auth/actions';
import { PASSWORD_MIN } from '@/lib/auth/schema';

export function AccountLinkForm({ token, needsPassword, email }: { token: string; needsPassword: boolean; email: string }) {
  const t = useTranslations('accounts');
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form
      className="grid gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const password = String(data.get('password') ?? '');
        if (needsPassword) {
          if (password.length < PASSWORD_MIN) return setErrors({ password: [t('passwordRequired')] });
          if (password !== String(data.get('passwordConfirm') ?? '')) return setErrors({ passwordConfirm: [t('passwordMismatch')] });
        }
        setErrors({});
        start(async () => {
          const result = await completeAccountLinkAction({ token, password: needsPassword ? password : undefined });
          if (result && !result.ok) {
            setErrors(result.fieldErrors ?? {});
            setMessage(result.message);
          }
        });
      }}
    >
      {/* Lets password managers save the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {needsPassword && (
        <>
          <FormField id="password" label={t('password')} error={errors.password}>
            <Input {...fieldProps('password', errors.password)} type="password" autoComplete="new-password" minLength={PASSWORD_MIN} required />
          </FormField>
          <FormField id="passwordConfirm" label={t('passwordConfirm')} error={errors.passwordConfirm}>
            <Input {...fieldProps('passwordConfirm', errors.passwordConfirm)} type="password" autoComplete="new-password" required />
          </FormField>
        </>
      )}
      {message && (
        <Notice tone="error">{message}</Notice>
      )}
      <Button type="submit" size="lg" disabled={pending}>
        {needsPassword ? t('passwordSubmit') : t('openPortal')}
      </Button>
    </form>
  );
}
