import { getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { Viewer } from '@/lib/auth/viewer';

/** The welcome every role home starts with; later features add their panels below it. */
export async function RoleHome({ viewer, children, hideSchoolCard }: { viewer: Viewer; children?: React.ReactNode; hideSchoolCard?: boolean }) {
  const t = await getTranslations();
  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="welcome">
          {t('home.welcome', { name: viewer.name })}
        </h1>
        <p className="text-muted-foreground">{t(`home.${viewer.role}Intro`)}</p>
      </div>
      {!hideSchoolCard && (
      <Card>
        <CardHeader>
          <CardDescription>{t('home.school')}</CardDescription>
          <CardTitle>{viewer.schoolName}</CardTitle>
        </CardHeader>
        <CardContent className="text-sm text-muted-foreground">
          {t(`roles.${viewer.role}`)} · {viewer.email}
        </CardContent>
      </Card>
      )}
      {children}
    </div>
  );
}
