import { FamilyInvoicesSkeleton } from '@/components/parent-invoices/family-invoices-skeleton';

export default function Loading() {
  return <FamilyInvoicesSkeleton />;
}
