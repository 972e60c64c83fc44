import { ActionIcon, Alert, Button, Divider, Group, Loader, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { OrderFilter } from '../../../../../contracts/order-filter';
import type { SavedFilter } from '../../../../../contracts/saved-filters';
import { errorMessage } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n';
import { useToast } from '../../../app/toast';
import { useCreateSavedFilter, useDeleteSavedFilter, useSavedFilters } from '../api/saved-filters';
import { cleanFilter } from '../model/url-state';
import { NameModal, OnceOpened } from './lazy-parts';

/** 저장된 필터: apply one, delete one, or save the current conditions under a name. */
export function SavedFiltersMenu({ filter, onLoad }: { filter: OrderFilter; onLoad(filter: OrderFilter): void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [opened, setOpened] = useState(false);
  const [naming, setNaming] = useState(false);
  const saved = useSavedFilters(opened);
  const create = useCreateSavedFilter();
  const remove = useDeleteSavedFilter();
  const hasConditions = Object.keys(cleanFilter(filter)).length > 0;

  const load = (item: SavedFilter) => {
    onLoad(item.filter);
    setOpened(false);
    toast.success(t.savedFilters.loaded(item.name));
  };
  const save = (name: string) =>
    create.mutate(
      { name, filter: cleanFilter(filter) },
      {
        onSuccess: () => {
          setNaming(false);
          toast.success(t.savedFilters.saved(name));
        },
      },
    );

  return (
    <>
      <Popover opened={opened} onChange={setOpened} position="bottom-start" width={300} shadow="md" trapFocus returnFocus>
        <Popover.Target>
          <Button variant="default" onClick={() => setOpened((o) => !o)} aria-expanded={opened}>
            {t.savedFilters.button}
          </Button>
        </Popover.Target>
        <Popover.Dropdown aria-label={t.savedFilters.button}>
          <Stack gap={4}>
            {saved.isPending && <Loader size="sm" aria-label={t.common.loading} />}
            {saved.isError && <Alert color="red">{errorMessage(saved.error)}</Alert>}
            {saved.data?.length === 0 && (
              <Text size="sm" c="dimmed">
                {t.savedFilters.empty}
              </Text>
            )}
            {saved.data && saved.data.length > 0 && (
              <ul aria-label={t.savedFilters.button} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {saved.data.map((item) => (
                  <li key={item.id}>
                    <Group justify="space-between" wrap="nowrap" gap={4}>
                      <UnstyledButton onClick={() => load(item)} px={6} py={4} style={{ flex: 1, borderRadius: 4 }} className="jm-tab">
                        {item.name}
                      </UnstyledButton>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="sm"
                        aria-label={t.savedFilters.deleteLabel(item.name)}
                        loading={remove.isPending && remove.variables === item.id}
                        onClick={() =>
                          remove.mutate(item.id, { onSuccess: () => toast.success(t.savedFilters.deleted), onError: (e) => toast.error(errorMessage(e)) })
                        }
                      >
                        <span aria-hidden>✕</span>
                      </ActionIcon>
                    </Group>
                  </li>
                ))}
              </ul>
            )}
            <Divider my={4} />
            <Button
              variant="light"
              size="xs"
              disabled={!hasConditions}
              title={hasConditions ? undefined : t.savedFilters.nothingToSave}
              onClick={() => {
                create.reset();
                setOpened(false);
                setNaming(true);
              }}
            >
              {t.savedFilters.saveCurrent}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <OnceOpened open={naming}>
        <NameModal
          opened={naming}
          title={t.savedFilters.saveTitle}
          label={t.savedFilters.name}
          pending={create.isPending}
          error={create.isError ? errorMessage(create.error) : null}
          onSubmit={save}
          onClose={() => setNaming(false)}
        />
      </OnceOpened>
    </>
  );
}
