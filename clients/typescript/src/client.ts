import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";

/** Where the API is and who calls it. */
export interface ClientOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:5080/graphql`. */
  endpoint: string;
  /** A bearer token (the API's `token` command mints one in Development). */
  token?: string;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
  /**
   * Send each operation's id (`sha256:…` of its printed text) instead of its text: for servers that run only
   * published operations (`GraphQL:PersistedOperations:Only`). Publish src/generated/persisted-documents.json first
   * (`operations publish --manifest …`).
   */
  sendIds?: boolean;
}

/** One entry of a response's `errors`, with the API's error code. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** A request that came back with errors (or without data); `codes` are the errors' `extensions.code`. */
export class GraphQLRequestError extends Error {
  readonly status: number;
  readonly errors: readonly GraphQLErrorEntry[];

  constructor(status: number, errors: readonly GraphQLErrorEntry[]) {
    super(errors.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("; ") || `HTTP ${status}`);
    this.name = "GraphQLRequestError";
    this.status = status;
    this.errors = errors;
  }

  get codes(): string[] {
    return this.errors.map((e) => e.extensions?.code ?? "");
  }
}

interface GraphQLResponseBody<TData> {
  data?: TData | null;
  errors?: GraphQLErrorEntry[];
}

/**
 * Runs one operation over GraphQL-over-HTTP (POST, JSON) and returns its typed data; throws
 * {@link GraphQLRequestError} when the response carries errors, so callers only ever see complete data.
 */
export async function execute<TData, TVariables extends Record<string, unknown>>(
  options: ClientOptions,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TData> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    Accept: "application/graphql-response+json, application/json;q=0.9",
  };
  if (options.token) {
    headers.Authorization = `Bearer ${options.token}`;
  }

  const id = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (options.sendIds && !id) {
    throw new Error("sendIds: the document has no id; generate it with the client preset's persistedDocuments option.");
  }

  const response = await (options.fetch ?? fetch)(options.endpoint, {
    method: "POST",
    headers,
    body: JSON.stringify(options.sendIds ? { id, variables } : { query: print(document), variables }),
    signal,
  });
  const body = (await response.json()) as GraphQLResponseBody<TData>;
  if (body.errors?.length || body.data == null) {
    throw new GraphQLRequestError(response.status, body.errors ?? []);
  }

  return body.data;
}
