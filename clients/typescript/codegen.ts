import type { CodegenConfig } from "@graphql-codegen/cli";

// Types for the operations in operations/*.graphql, generated from the committed schema file (the public
// contract), never from a live server. The output folder src/generated/ is not committed: `npm run codegen`.
const config: CodegenConfig = {
  schema: "../../schema/schema.graphql",
  documents: ["operations/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "src/generated/": {
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        // Each document also carries its id (the SHA-256 of its printed text) and persisted-documents.json maps the
        // ids to the texts: `operations publish --manifest` stores them on the server, and the client may send ids.
        persistedDocuments: { hashAlgorithm: "sha256" },
      },
      config: {
        // The API's custom scalars as they travel in JSON.
        scalars: {
          ID: "string",
          Date: "string",
          DateTime: "string",
          Decimal: "number",
        },
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
      },
    },
  },
};

export default config;
