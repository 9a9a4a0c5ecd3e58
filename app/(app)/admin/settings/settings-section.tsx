import type * as React from 'react';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';

/**
 * One section of the settings page: a card with its title, one sentence on what it governs,
 * its fields and its own save button (each section is a separate form). `id` is the anchor a
 * link can jump to (/admin/settings#cancellations).
 */
export function SettingsSection({ id, title, description, footer, children }: { id: string; title: React.ReactNode; description: React.ReactNode; footer: React.ReactNode; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-20">
      <Card>
        <CardHeader>
          <CardTitle>
            <h2 id={`${id}-title`}>{title}</h2>
          </CardTitle>
          <CardDescription>{description}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">{children}</CardContent>
        <CardFooter className="flex-wrap gap-2 border-t">{footer}</CardFooter>
      </Card>
    </section>
  );
}
