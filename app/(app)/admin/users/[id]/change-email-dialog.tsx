'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { changeSignInEmailAction } from '@/lib/accounts/actions';
import { changeEmailSchema, type ChangeEmailInput } from '@/lib/accounts/schema';
import { zodErrorMap } from '@/lib/i18n/zod';
import { isMessageKey } from '@/lib/records/fields';

/** "Change sign-in email": says what it ends before it does it. */
export function ChangeEmailDialog({ user }: { user: { id: string; name: string; email: string } }) {
  const t = useTranslations('accounts');
  const tAll = useTranslations();
  const router = useRouter();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const { register, handleSubmit, setError, reset, formState } = useForm<ChangeEmailInput>({
    resolver: zodResolver(changeEmailSchema, { error: zodErrorMap(locale) }),
    defaultValues: { userId: user.id, email: '' },
  });
  const message = formState.errors.email?.message;
  // Shared field rules may answer with a catalog key ("records.…") rather than a sentence.
  const error = message ? [isMessageKey(message) ? tAll(message) : message] : undefined;

  const onSubmit = handleSubmit(async (values) => {
    const result = await changeSignInEmailAction(values);
    if (!result.ok) {
      if (result.fieldErrors?.email) setError('email', { message: result.fieldErrors.email[0] });
      else toast.error(result.message);
      return;
    }
    toast.success(t('emailChanged', { email: result.data.email }));
    reset({ userId: user.id, email: '' });
    setOpen(false);
    router.refresh();
  });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">{t('changeEmail')}</Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{t('changeEmailTitle', { name: user.name })}</DialogTitle>
          <DialogDescription>{t('changeEmailBody', { name: user.name, email: user.email })}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4" id="change-email-form">
          <input type="hidden" {...register('userId')} />
          <FormField id="change-email" label={t('newEmail')} error={error}>
            <Input {...fieldProps('change-email', error)} {...register('email')} type="email" autoComplete="off" />
          </FormField>
        </form>
        <DialogFooter>
          <Button type="submit" form="change-email-form" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('changingEmail') : t('changeEmailSubmit')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
