'use client';

import { Mail } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormField, fieldProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { loginAction, requestMagicLinkAction } from '@/lib/auth/actions';

type Errors = Record<string, string[] | undefined>;

type LinkMessage = { ok: boolean; text: string } | null;

export function LoginForms({ callbackUrl, initialTab, initialEmail }: { callbackUrl?: string; initialTab: 'password' | 'link'; initialEmail?: string }) {
  const t = useTranslations('login');
  const [tab, setTab] = useState(initialTab);
  const [email, setEmail] = useState(initialEmail ?? '');
  // The magic-link form's state lives here so the password form can send a link in one click.
  const [linkPending, startLink] = useTransition();
  const [linkErrors, setLinkErrors] = useState<Errors>({});
  const [linkMessage, setLinkMessage] = useState<LinkMessage>(null);
  const sendLink = (address: string) =>
    startLink(async () => {
      const result = await requestMagicLinkAction({ email: address, callbackUrl });
      if (result.ok) {
        setLinkErrors({});
        setLinkMessage({ ok: true, text: t('magicLinkSent', { email: result.data.email }) });
      } else {
        setLinkErrors(result.fieldErrors ?? {});
        setLinkMessage(result.fieldErrors ? null : { ok: false, text: result.message });
      }
    });
  return (
    <Tabs value={tab} onValueChange={(v) => setTab(v as 'password' | 'link')}>
      <TabsList className="grid w-full grid-cols-2">
        <TabsTrigger value="password">{t('passwordTab')}</TabsTrigger>
        <TabsTrigger value="link">{t('magicLinkTab')}</TabsTrigger>
      </TabsList>
      <TabsContent value="password" className="pt-2">
        <PasswordForm
          email={email}
          onEmail={setEmail}
          callbackUrl={callbackUrl}
          onForgot={() => setTab('link')}
          onLinkInstead={() => {
            setTab('link');
            sendLink(email);
          }}
        />
      </TabsContent>
      <TabsContent value="link" className="pt-2">
        <MagicLinkForm email={email} onEmail={setEmail} pending={linkPending} errors={linkErrors} message={linkMessage} onSend={() => sendLink(email)} />
      </TabsContent>
    </Tabs>
  );
}

function PasswordForm({
  email,
  onEmail,
  callbackUrl,
  onForgot,
  onLinkInstead,
}: {
  email: string;
  onEmail: (v: string) => void;
  callbackUrl?: string;
  onForgot: () => void;
  onLinkInstead: () => void;
}) {
  const t = useTranslations('login');
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  // Too many password attempts for this email (perhaps a stranger guessing): the magic link is
  // counted separately, so its owner can still get in with one click.
  const [limited, setLimited] = useState(false);
  return (
    <form
      className="grid gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        start(async () => {
          const result = await loginAction({ email: String(data.get('email') ?? ''), password: String(data.get('password') ?? ''), callbackUrl });
          // On success the action redirects; we only get here with a refusal.
          if (result && !result.ok) {
            setErrors(result.fieldErrors ?? {});
            setMessage(result.fieldErrors ? null : result.message);
            setLimited(result.code === 'RATE_LIMITED');
          }
        });
      }}
    >
      <FormField id="email" label={t('email')} error={errors.email}>
        <Input {...fieldProps('email', errors.email)} type="email" autoComplete="username" required value={email} onChange={(e) => onEmail(e.target.value)} />
      </FormField>
      <FormField id="password" label={t('password')} error={errors.password}>
        <Input {...fieldProps('password', errors.password)} type="password" autoComplete="current-password" required />
      </FormField>
      {message && (
        <Notice tone="error" data-testid="login-error">
          {message}
          {limited && ` ${t('rateLimitedUseLink')}`}
        </Notice>
      )}
      {limited && (
        <Button type="button" variant="outline" onClick={onLinkInstead} data-testid="send-link-instead">
          <Mail className="size-4" aria-hidden />
          {t('sendLinkInstead')}
        </Button>
      )}
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
      <button type="button" onClick={onForgot} className="justify-self-start text-left text-sm text-muted-foreground underline-offset-4 hover:text-foreground hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none rounded">
        {t('forgot')}
      </button>
    </form>
  );
}

function MagicLinkForm({
  email,
  onEmail,
  pending,
  errors,
  message,
  onSend,
}: {
  email: string;
  onEmail: (v: string) => void;
  pending: boolean;
  errors: Errors;
  message: LinkMessage;
  onSend: () => void;
}) {
  const t = useTranslations('login');
  return (
    <form
      className="grid gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSend();
      }}
    >
      <p className="text-sm text-muted-foreground">{t('magicLinkHelp')}</p>
      <FormField id="magic-email" label={t('email')} error={errors.email}>
        <Input {...fieldProps('magic-email', errors.email)} name="email" type="email" autoComplete="email" required value={email} onChange={(e) => onEmail(e.target.value)} />
      </FormField>
      {message && (
        <Notice tone={message.ok ? 'success' : 'error'} data-testid="magic-link-message">
          {message.text}
        </Notice>
      )}
      <Button type="submit" size="lg" disabled={pending}>
        <Mail className="size-4" aria-hidden />
        {pending ? t('magicLinkSending') : t('magicLinkSubmit')}
      </Button>
    </form>
  );
}
