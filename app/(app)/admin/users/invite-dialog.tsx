'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { UserPlus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import { useFormErrors } from '@/components/forms/use-form-errors';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { inviteUserAction } from '@/lib/accounts/actions';
import { zodErrorMap } from '@/lib/i18n/zod';
import { invitableRoles, inviteSchema, studentLevels, type InviteInput } from '@/lib/accounts/schema';

export function InviteDialog() {
  const t = useTranslations('accounts');
  const tr = useTranslations('roles');
  const router = useRouter();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const form = useForm<InviteInput>({
    resolver: zodResolver(inviteSchema, { error: zodErrorMap(locale) }),
    defaultValues: { role: 'tutor', firstName: '', lastName: '', email: '', locale: 'pl', level: undefined },
  });
  const { register, handleSubmit, control, setError, reset, formState } = form;
  const role = useWatch({ control, name: 'role' });
  const { errorOf: err, applyResult } = useFormErrors(formState.errors, setError);

  const onSubmit = handleSubmit(async (values) => {
    const result = await inviteUserAction(values);
    if (!result.ok) {
      if (!applyResult(result)) toast.error(result.message);
      return;
    }
    toast.success(t('invited', { email: values.email }));
    reset();
    setOpen(false);
    router.refresh();
  });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus className="size-4" aria-hidden />
          {t('invite')}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{t('inviteTitle')}</DialogTitle>
          <DialogDescription>{t('inviteDescription')}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4" id="invite-form">
          <FormField id="invite-role" label={t('role')} error={err('role')}>
            <NativeSelect {...fieldProps('invite-role', err('role'))} {...register('role')}>
              {invitableRoles.map((r) => (
                <NativeSelectOption key={r} value={r}>
                  {tr(r)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="invite-firstName" label={t('firstName')} error={err('firstName')}>
              <Input {...fieldProps('invite-firstName', err('firstName'))} {...register('firstName')} autoComplete="off" />
            </FormField>
            <FormField id="invite-lastName" label={t('lastName')} error={err('lastName')}>
              <Input {...fieldProps('invite-lastName', err('lastName'))} {...register('lastName')} autoComplete="off" />
            </FormField>
          </div>
          <FormField id="invite-email" label={t('email')} error={err('email')}>
            <Input {...fieldProps('invite-email', err('email'))} {...register('email')} type="email" autoComplete="off" />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            {role === 'student' && (
              <FormField id="invite-level" label={t('level')} error={err('level')}>
                <NativeSelect {...fieldProps('invite-level', err('level'))} {...register('level', { setValueAs: (v) => (v === '' ? undefined : v) })}>
                  <NativeSelectOption value="">{t('choose')}</NativeSelectOption>
                  {studentLevels.map((l) => (
                    <NativeSelectOption key={l} value={l}>
                      {t(`levels.${l}`)}
                    </NativeSelectOption>
                  ))}
                </NativeSelect>
              </FormField>
            )}
            <FormField id="invite-locale" label={t('language')} error={err('locale')}>
              <NativeSelect {...fieldProps('invite-locale', err('locale'))} {...register('locale')}>
                <NativeSelectOption value="pl">{t('languages.pl')}</NativeSelectOption>
                <NativeSelectOption value="en">{t('languages.en')}</NativeSelectOption>
              </NativeSelect>
            </FormField>
          </div>
        </form>
        <DialogFooter>
          <Button type="submit" form="invite-form" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('inviting') : t('inviteSubmit')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
