/**
 * 我的待办 — the registry's to-do entries the caller may see (GET /api/workbench/todo), grouped: waiting for my
 * decision, overdue, gaps in my scope. Each count opens its list; the page knows no entry by name.
 */
import { Badge, Card, Col, Empty, Flex, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { TODO_GROUPS, type TodoItem, type WorkbenchTodo } from '@shared/contracts/workbench';
import { useI18n } from '../../i18n';

const COLORS: Record<TodoItem['group'], string> = { approval: '#1677ff', overdue: '#cf1322', gap: '#d46b08' };

export function TodoCard({ data, loading }: { data: WorkbenchTodo | undefined; loading: boolean }) {
  const { t, L } = useI18n();
  const groups = TODO_GROUPS.map((g) => ({ g, items: data?.items.filter((i) => i.group === g) ?? [] })).filter(
    (x) => x.items.length > 0,
  );
  return (
    <Card title={t('wb.todo')} loading={loading && !data} data-testid="todo-card">
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wb.noTodo')} />
      ) : (
        <Row gutter={[24, 16]}>
          {groups.map(({ g, items }) => (
            <Col key={g} xs={24} md={24 / groups.length} data-testid={`todo-group-${g}`}>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                <Badge color={COLORS[g]} /> {t(`wb.group.${g}`)}
              </Typography.Title>
              <Flex vertical gap={8}>
                {items.map((i) => (
                  <Link key={i.key} to={i.link} data-testid={`todo-${i.key}`} data-count={i.count}>
                    <Flex justify="space-between" align="center" gap={12} className="xh-todo-row">
                      <Typography.Text type={i.count ? undefined : 'secondary'}>
                        {L(i.label)}
                        {i.reach === 'caller' && data?.region && (
                          <Typography.Text type="secondary">{t('wb.allScope')}</Typography.Text>
                        )}
                      </Typography.Text>
                      <Typography.Text
                        strong
                        style={{ fontSize: 18, color: i.count ? COLORS[g] : undefined }}
                        type={i.count ? undefined : 'secondary'}
                      >
                        {i.count.toLocaleString()}
                      </Typography.Text>
                    </Flex>
                  </Link>
                ))}
              </Flex>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
