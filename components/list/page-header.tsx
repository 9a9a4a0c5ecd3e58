/** A list or detail page's title, one sentence under it, and its main actions on the right. */
export function PageHeader({ title, description, actions, testId }: { title: React.ReactNode; description?: React.ReactNode; actions?: React.ReactNode; testId?: string }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div className="grid min-w-0 gap-1">
        <h1 className="text-2xl font-semibold tracking-tight" data-testid={testId}>
          {title}
        </h1>
        {description && <p className="text-muted-foreground">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}
