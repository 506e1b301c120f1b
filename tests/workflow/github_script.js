// Runs the script of an actions/github-script step under node, as the action does (an async
// function of github, context and core), against a recording fake of the GitHub API. The
// repository's contents come from a real git repository: getContent answers with the blob SHA
// that `git rev-parse REF:PATH` gives, as the contents API does.
//
//   node github_script.js SCRIPT_FILE SCENARIO_JSON_FILE  →  {"calls", "outputs", "messages"} on stdout
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");

const [scriptFile, scenarioFile] = process.argv.slice(2);
const script = fs.readFileSync(scriptFile, "utf8");
const scenario = JSON.parse(fs.readFileSync(scenarioFile, "utf8"));
const calls = [];
const outputs = {};
const messages = [];

function notFound() {
  return Object.assign(new Error("Not Found"), { status: 404 });
}

async function getContent({ owner, repo, path, ref }) {
  calls.push(["getContent", `${owner}/${repo}`, path, ref]);
  try {
    const args = ["-C", scenario.repository, "rev-parse", "--verify", "--quiet", `${ref}:${path}`];
    const sha = execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return { data: { type: "file", path, sha } };
  } catch {
    throw notFound();
  }
}

const github = {
  rest: {
    repos: { getContent },
    pulls: {
      list: async ({ head, state }) => {
        calls.push(["pulls.list", head, state]);
        const open = scenario.pulls.filter((p) => state !== "open" || p.state === "open");
        return { data: open.filter((p) => `${p.head.repo.owner.login}:${p.head.ref}` === head) };
      },
    },
    issues: {
      listComments: async ({ issue_number }) => ({ data: scenario.comments[String(issue_number)] ?? [] }),
      createComment: async ({ issue_number, body }) => {
        calls.push(["createComment", issue_number, body]);
        return { data: {} };
      },
      updateComment: async ({ comment_id, body }) => {
        calls.push(["updateComment", comment_id, body]);
        return { data: {} };
      },
    },
  },
  paginate: async (method, params) => (await method(params)).data,
};

const record = (level) => (message) => messages.push([level, String(message)]);
const core = {
  setOutput: (name, value) => {
    outputs[name] = String(value);
  },
  setFailed: record("failed"),
  warning: record("warning"),
  notice: record("notice"),
};
const context = { repo: { owner: scenario.owner, repo: scenario.repo }, payload: scenario.payload };
Object.assign(process.env, scenario.env);

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
new AsyncFunction("github", "context", "core", script)(github, context, core).then(
  () => process.stdout.write(JSON.stringify({ calls, outputs, messages })),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
