import { inlineText } from "../sanitize.js";

// The sentences Vigil says on an incident, together so their tone stays one.

export const MESSAGES = {
  refused: (login: string) =>
    `Sorry, ${inlineText(login)}: only people with write, maintain or admin permission on this repository can run Vigil commands. Nothing was changed; ask the primary responder to run the command for you.`,
  unassignable: (login: string) =>
    `${login} could not be assigned: GitHub only assigns people with access to this repository. Give them access, or use \`/responder\` to pick someone else; the current assignees stay on the incident meanwhile.`,
  badCommand: (line: string, error: string) => `\`${inlineText(line).replace(/`/g, "'")}\`: ${inlineText(error)}`,
  helpHint: "Run `/help` for every command and its form.",
  tooManyCommands: (max: number, dropped: number) =>
    `Only the first ${max} commands of a comment run; the other ${dropped} did not. Put them in a new comment.`,
  tooManyCommandComments: (max: number) =>
    `This incident has reached the ${max} command comments one incident record can keep, so this comment's commands did not run. Record further work in a follow-up incident linked from here.`,
  needsInfoTitle: "**Vigil needs more information before it can declare this incident.**",
  needsInfoAfter: "**The issue description no longer reads as the incident form.** The incident stays declared and its commands keep working; the record shows the answers again once these are fixed:",
  needsInfoHow: "Edit the issue description (the ⋯ menu → Edit) and correct the fields above. Vigil reads the issue again as soon as you save; nothing you wrote is lost.",
  needsInfoDone: "Thank you: the form is complete now, and the incident is declared in the record below.",
  publicRefusal: [
    "**Vigil will not handle this incident here: this repository is public.**",
    "",
    "Incident details (systems, contacts, assessment, notes) must not be copied anywhere public, so Vigil writes no record, pages nobody and adds nothing to a project here.",
    "File the incident in a private repository instead, and consider editing this issue to remove sensitive details.",
    "If this repository is meant to take incidents in public, set `allowPublic: true` in `.github/incident-response.yml`.",
  ].join("\n"),
  projectTitle: "**Vigil could not keep the project board in step with this incident:**",
  projectAfter: "The incident itself is handled; fix the project and Vigil updates it on the next check.",
  projectFixed: "~~Vigil could not keep the project board in step with this incident.~~ Fixed: the project is up to date.",
  projectMissing: (owner: string, number: number) =>
    `Project number ${number} of ${inlineText(owner)} was not found, or Vigil cannot see it. Check \`project.owner\` and \`project.number\` in \`.github/incident-response.yml\`, and that Vigil is installed on ${inlineText(owner)} with access to its projects.`,
} as const;
