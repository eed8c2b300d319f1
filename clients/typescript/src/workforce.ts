import { execute, type ClientOptions } from "./client";
import {
  DashboardWorkersDocument,
  SearchWorkersDocument,
  UpsertWorkersDocument,
  WorkerDetailDocument,
  WorkforceStatisticsDocument,
  type DashboardWorkersQuery,
  type UpsertWorkersMutation,
  type WorkerDetailQuery,
  type WorkerFilterInput,
  type WorkerInput,
  type WorkerStatus,
  type WorkforceDimension,
} from "./generated/graphql";

/** One row of the dashboard table. */
export interface DashboardRow {
  id: string;
  name: string;
  birthDate: string;
  serviceYears: number;
  community: string;
  region: string;
  /** e.g. "PARTY_SECRETARY (PRINCIPAL, grade 9)", or "" without a current post. */
  post: string;
}

/** One page of the dashboard with the cursor of the next one. */
export interface DashboardPage {
  rows: DashboardRow[];
  totalCount: number;
  nextCursor: string | null;
}

type DashboardNode = NonNullable<NonNullable<DashboardWorkersQuery["workers"]>["nodes"]>[number];

function toRow(worker: DashboardNode): DashboardRow {
  const post = worker.currentPost;
  return {
    id: worker.id,
    name: worker.name,
    birthDate: worker.birthDate,
    serviceYears: worker.serviceYears,
    community: worker.community?.name ?? "",
    region: worker.community?.region.name ?? "",
    post: post ? `${post.role} (${post.category}, grade ${post.grade})` : "",
  };
}

/** A page of a region's workers (division-code prefix such as "3201"), oldest first. */
export async function dashboardPage(
  client: ClientOptions,
  regionPrefix: string,
  options: { status?: WorkerStatus; first?: number; after?: string | null } = {},
): Promise<DashboardPage> {
  const data = await execute(client, DashboardWorkersDocument, {
    regionPrefix,
    status: options.status ?? "ACTIVE",
    first: options.first ?? 20,
    after: options.after ?? null,
  });
  const workers = data.workers;
  return {
    rows: (workers?.nodes ?? []).map(toRow),
    totalCount: workers?.totalCount ?? 0,
    nextCursor: workers?.pageInfo.hasNextPage ? workers.pageInfo.endCursor : null,
  };
}

/** Every dashboard row of a region, page by page along the keyset cursors. */
export async function* allDashboardRows(client: ClientOptions, regionPrefix: string, status: WorkerStatus = "ACTIVE"): AsyncGenerator<DashboardRow> {
  let after: string | null = null;
  do {
    const page: DashboardPage = await dashboardPage(client, regionPrefix, { status, first: 50, after });
    yield* page.rows;
    after = page.nextCursor;
  } while (after !== null);
}

/** Search hits for a picker: "name · community", ID numbers as the caller may see them (masked without pii:read). */
export async function searchWorkers(client: ClientOptions, text: string, first = 10): Promise<Array<{ id: string; label: string; idNumber: string }>> {
  const data = await execute(client, SearchWorkersDocument, { text, first });
  return (data.workers?.nodes ?? []).map((w) => ({
    id: w.id,
    label: w.community ? `${w.name} · ${w.community.name}` : w.name,
    idNumber: w.idNumber,
  }));
}

/** The worker behind a node ID, or null when the ID names no worker the caller may see. */
export type WorkerDetail = Extract<NonNullable<WorkerDetailQuery["node"]>, { __typename: "Worker" }>;

export async function workerDetail(client: ClientOptions, id: string): Promise<WorkerDetail | null> {
  const data = await execute(client, WorkerDetailDocument, { id });
  return data.node?.__typename === "Worker" ? data.node : null;
}

/** The current post of a worker's detail, if any. */
export function currentPost(worker: WorkerDetail): WorkerDetail["posts"][number] | undefined {
  return worker.posts.find((p) => p.isCurrent);
}

/** Head counts keyed by the groups' labels joined with " / " (e.g. "玄武区 / 40-49岁"). */
export async function statistics(client: ClientOptions, groupBy: WorkforceDimension[], where?: WorkerFilterInput): Promise<Map<string, number>> {
  const data = await execute(client, WorkforceStatisticsDocument, { groupBy, where: where ?? null });
  return new Map(data.workforceStatistics.map((g) => [g.key.map((k) => k.label).join(" / "), g.count]));
}

/** What a batch push did; `rejected` pairs each refused record with its error. */
export interface PushResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ record: WorkerInput; code: string; field: string | null; message: string }>;
}

type UpsertPayload = UpsertWorkersMutation["upsertWorkers"];

/** Pushes full worker records in one batch (integrator role); valid records are written even when others are rejected. */
export async function pushWorkers(client: ClientOptions, workers: WorkerInput[]): Promise<PushResult> {
  const data = await execute(client, UpsertWorkersDocument, { workers });
  const payload: UpsertPayload = data.upsertWorkers;
  return {
    created: payload.created,
    updated: payload.updated,
    unchanged: payload.unchanged,
    rejected: payload.errors.map((e) => ({ record: workers[e.index]!, code: e.code, field: e.field, message: e.message })),
  };
}
