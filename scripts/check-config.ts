// Run by `npm start` before it builds or starts anything: a misconfigured deployment stops with every
// problem listed at once, instead of after a build, or with real growers' tokens on their way to the sandbox.
import { configurationProblems, describeProblems } from "@/lib/config-check";

const problems = configurationProblems(process.env);
if (problems.length > 0) {
  console.error(describeProblems(problems));
  process.exit(1);
}
