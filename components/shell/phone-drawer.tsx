'use client';

import { useState } from 'react';
import type { Role } from '@/db/schema';
import { useHandover, type Handover } from '@/components/ui/on-demand';
import { Sheet, SheetContent, SheetHeader, SheetTitle, SheetTrigger } from '@/components/ui/sheet';
import { Nav } from './nav';

/**
 * The navigation as a drawer from the left, for phones. Loaded on first use (see `OnDemand`);
 * `trigger` is the header's menu button, `brand` the drawer's title.
 */
export function PhoneDrawer({
  role,
  unread,
  brand,
  closeLabel,
  trigger,
  ...handover
}: { role: Role; unread: number; brand: React.ReactElement; closeLabel: string } & Handover) {
  const triggerRef = useHandover(handover);
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild ref={triggerRef}>
        {trigger}
      </SheetTrigger>
      <SheetContent side="left" className="w-72 gap-6 bg-sidebar py-4" closeLabel={closeLabel}>
        <SheetHeader className="p-0">
          <SheetTitle asChild>{brand}</SheetTitle>
        </SheetHeader>
        <div className="px-2">
          <Nav role={role} unread={unread} onNavigate={() => setOpen(false)} />
        </div>
      </SheetContent>
    </Sheet>
  );
}
