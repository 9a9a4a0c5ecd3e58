import { GraduationCap } from 'lucide-react';
import { cn } from '@/lib/utils';

/** The TutorHub mark and name, as in the sidebar and on the signed-out pages. */
export function Brand({ name, className }: { name: string; className?: string }) {
  return (
    <div className={cn('flex items-center gap-2 font-semibold', className)}>
      <span className="grid size-8 place-items-center rounded-md bg-primary text-primary-foreground">
        <GraduationCap className="size-5" aria-hidden />
      </span>
      {name}
    </div>
  );
}
