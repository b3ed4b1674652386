import { api } from '../../api/client';
import type { Site } from '../../api/types';
import { CustomerPicker } from '../../components/CustomerPicker';
import { SelectField } from '../../components/Field';
import { useApi } from '../../hooks/useApi';

/** A site by its customer's and its own name (never its number). */
export function SitePicker({
  customerId,
  onCustomer,
  siteId,
  onSite,
  error,
}: {
  customerId: number | null;
  onCustomer: (id: number | null) => void;
  siteId: string;
  onSite: (id: string) => void;
  error?: string | undefined;
}) {
  const sites = useApi(
    (signal) =>
      customerId
        ? api.get<{ items: Site[] }>(`/customers/${customerId}/sites`, undefined, signal)
        : Promise.resolve({ items: [] as Site[] }),
    [customerId],
  );
  const items = sites.data?.items ?? [];
  return (
    <>
      <CustomerPicker
        value={customerId}
        onChange={(id) => {
          onCustomer(id);
          onSite('');
        }}
      />
      <SelectField
        label="Site"
        value={siteId}
        error={error}
        onChange={(e) => onSite(e.target.value)}
        options={[
          {
            value: '',
            label: !customerId
              ? 'Pick the customer first'
              : items.length === 0
                ? 'This customer has no sites'
                : 'Choose a site',
          },
          ...items.map((s) => ({ value: String(s.id), label: s.name })),
        ]}
      />
    </>
  );
}
