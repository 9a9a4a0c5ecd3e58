import { describe, expect, it } from 'vitest';
import { billingColumns } from './billing';

describe('billingColumns', () => {
  it('keeps a private person’s details, naming them by default, and clears the company’s', () => {
    expect(billingColumns({ billingType: 'person', billingAddress: 'ul. Długa 5', companyName: 'Firma', companyNip: '5260250274' }, 'Anna Nowak')).toEqual({
      billingName: 'Anna Nowak',
      billingAddress: 'ul. Długa 5',
      companyName: null,
      companyNip: null,
      companyAddress: null,
    });
    expect(billingColumns({ billingType: 'person', billingName: 'Jan Nowak' }, 'Anna Nowak').billingName).toBe('Jan Nowak');
  });

  it('keeps a company’s details and clears the private person’s', () => {
    expect(billingColumns({ billingType: 'company', billingName: 'Anna Nowak', billingAddress: 'x', companyName: 'Firma', companyNip: '5260250274', companyAddress: 'ul. Krótka 1' }, 'Anna Nowak')).toEqual({
      billingName: null,
      billingAddress: null,
      companyName: 'Firma',
      companyNip: '5260250274',
      companyAddress: 'ul. Krótka 1',
    });
  });
});
