import { ActionIcon, Alert, Button, Group, Modal, NativeSelect, NavLink, Radio, ScrollArea, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { SHIPPING_FIELD_LABELS, SHIPPING_FIELDS, type ItemLayout, type ShippingExportForm, type ShippingField } from '../../../../../contracts/shipping-export';
import { errorMessage } from '../../../app/api/client';
import { useToast } from '../../../app/toast';
import { useDeleteShippingForm, useSaveShippingForm, useShippingForms } from '../api/shipping-export';
import { useBulkI18n } from '../i18n';

interface Draft {
  id: number | null;
  name: string;
  itemLayout: ItemLayout;
  columns: Array<{ field: ShippingField; header: string }>;
}

const STARTER: ShippingField[] = ['recipientName', 'recipientPhone', 'postcode', 'address', 'items', 'quantity', 'deliveryMemo', 'parcelId', 'orderNumber'];

const draftOf = (form: ShippingExportForm): Draft => ({ id: form.id, name: form.name, itemLayout: form.itemLayout, columns: form.columns.map((c) => ({ ...c })) });

/**
 * The shop's own 송장 출력 forms: pick fields, put them in order (위로/아래로), name the headers,
 * merge a parcel's items into one cell or give each a row, and save under a name. Answers the id
 * of the form saved last (for the export dialog to select), or nothing.
 */
export function ShippingFormsDialog({ onClose }: { onClose(savedId?: number): void }) {
  const { b, t, lang } = useBulkI18n();
  const e = b.shipping.editor;
  const toast = useToast();
  const forms = useShippingForms();
  const save = useSaveShippingForm();
  const remove = useDeleteShippingForm();
  const blank = (): Draft => ({ id: null, name: '', itemLayout: 'merged', columns: STARTER.map((field) => ({ field, header: SHIPPING_FIELD_LABELS[field][lang] })) });
  const [draft, setDraft] = useState<Draft>(blank);
  const [savedId, setSavedId] = useState<number | undefined>();
  const [error, setError] = useState<string | null>(null);

  const setColumns = (update: (cols: Draft['columns']) => Draft['columns']) => setDraft((d) => ({ ...d, columns: update([...d.columns]) }));
  const move = (i: number, by: -1 | 1) =>
    setColumns((cols) => {
      const [col] = cols.splice(i, 1);
      if (col) cols.splice(i + by, 0, col);
      return cols;
    });
  const setField = (i: number, field: ShippingField) =>
    setColumns((cols) => cols.map((c, j) => (j === i ? { field, header: c.header === SHIPPING_FIELD_LABELS[c.field][lang] ? SHIPPING_FIELD_LABELS[field][lang] : c.header } : c)));
  const addColumn = () =>
    setColumns((cols) => {
      const field = SHIPPING_FIELDS.find((f) => !cols.some((c) => c.field === f)) ?? 'orderNumber';
      return [...cols, { field, header: SHIPPING_FIELD_LABELS[field][lang] }];
    });

  const submit = async () => {
    setError(null);
    try {
      const saved = await save.mutateAsync({ id: draft.id, form: { name: draft.name.trim(), itemLayout: draft.itemLayout, columns: draft.columns } });
      setDraft(draftOf(saved));
      setSavedId(saved.id);
      toast.success(e.saved(saved.name));
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };
  const drop = async () => {
    if (draft.id === null) return;
    setError(null);
    try {
      await remove.mutateAsync(draft.id);
      toast.success(e.deleted(draft.name));
      if (savedId === draft.id) setSavedId(undefined);
      setDraft(blank());
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  const valid = draft.name.trim() !== '' && draft.columns.length > 0 && draft.columns.every((c) => c.header.trim() !== '');
  return (
    <Modal opened onClose={() => onClose(savedId)} title={e.title} size="xl" closeButtonProps={{ 'aria-label': t.common.close }}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {e.forms}
          </Text>
          {forms.data?.length === 0 && (
            <Text size="xs" c="dimmed">
              {e.none}
            </Text>
          )}
          {forms.data?.map((f) => (
            <NavLink key={f.id} label={f.name} active={draft.id === f.id} onClick={() => setDraft(draftOf(f))} />
          ))}
          <Button variant="light" size="xs" mt="xs" onClick={() => setDraft(blank())}>
            {e.newForm}
          </Button>
        </Stack>

        <Stack gap="sm" style={{ gridColumn: 'span 2' }}>
          <TextInput label={e.name} value={draft.name} maxLength={30} onChange={(ev) => setDraft({ ...draft, name: ev.currentTarget.value })} />
          <Radio.Group label={e.layout} value={draft.itemLayout} onChange={(v) => setDraft({ ...draft, itemLayout: v as ItemLayout })}>
            <Group gap="md" mt={4}>
              <Radio value="merged" label={b.shipping.merged} />
              <Radio value="row_per_item" label={b.shipping.rowPerItem} />
            </Group>
          </Radio.Group>
          <Text size="sm" fw={500}>
            {e.fields}
          </Text>
          <ScrollArea.Autosize mah={340}>
            <Stack gap={6} data-testid="form-columns">
              {draft.columns.map((c, i) => (
                <Group key={i} gap={6} wrap="nowrap">
                  <NativeSelect
                    aria-label={`${e.field} ${i + 1}`}
                    value={c.field}
                    onChange={(ev) => setField(i, ev.currentTarget.value as ShippingField)}
                    data={SHIPPING_FIELDS.map((f) => ({ value: f, label: SHIPPING_FIELD_LABELS[f][lang] }))}
                    style={{ flex: 1 }}
                  />
                  <TextInput
                    aria-label={`${e.header} ${i + 1}`}
                    value={c.header}
                    maxLength={40}
                    onChange={(ev) => {
                      const header = ev.currentTarget.value;
                      setColumns((cols) => cols.map((x, j) => (j === i ? { ...x, header } : x)));
                    }}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon variant="default" aria-label={`${e.up} ${i + 1}`} disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </ActionIcon>
                  <ActionIcon variant="default" aria-label={`${e.down} ${i + 1}`} disabled={i === draft.columns.length - 1} onClick={() => move(i, 1)}>
                    ↓
                  </ActionIcon>
                  <ActionIcon variant="default" color="red" aria-label={`${e.remove} ${i + 1}`} disabled={draft.columns.length === 1} onClick={() => setColumns((cols) => cols.filter((_, j) => j !== i))}>
                    ×
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Button variant="subtle" size="xs" onClick={addColumn} style={{ alignSelf: 'flex-start' }}>
            {e.add}
          </Button>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="subtle" color="red" disabled={draft.id === null} loading={remove.isPending} onClick={() => void drop()}>
              {e.delete}
            </Button>
            <Group gap="xs">
              <Button variant="default" onClick={() => onClose(savedId)}>
                {t.common.close}
              </Button>
              <Button onClick={() => void submit()} disabled={!valid} loading={save.isPending}>
                {e.save}
              </Button>
            </Group>
          </Group>
        </Stack>
      </SimpleGrid>
    </Modal>
  );
}
