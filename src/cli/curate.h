/*
 * cli/curate: the analyst's edits as commands: `lectern claim add|edit|rm|
 * reject`, `lectern topic add|link|unlink|set` and `lectern note`.
 *
 * Each reads the index once (corpus/edit.h), checks every argument
 * against it, makes its edit on the index's JSON tree and saves it with
 * edit_save(): unknown fields, the order of objects and the index's
 * layout kept, under the index's lock, merged with what another writer
 * saved meanwhile when that touched other objects.  It prints one line
 * per changed object ("claim odr-27: added"), or with --json the changed
 * objects as {"claims": [...], "topics": [...], "sources": [...],
 * "rejected": [...], "removed": {"claims": [ID...], ...}} (only the
 * members that have any).
 *
 * A bad reference, span or value is reported as "lectern: claim add:
 * ..." naming the argument, and nothing is written: exit 1.  A usage
 * error (a missing argument, an unknown sub-command) exits 2, as does an
 * I/O error; a conflict with another writer's edit of the same object
 * exits 1, nothing written.
 */
#ifndef LECTERN_CLI_CURATE_H
#define LECTERN_CLI_CURATE_H

#include "cli/cli.h"

int cmd_claim(const struct cli_args *a);
int cmd_topic(const struct cli_args *a);
int cmd_note(const struct cli_args *a);

#endif
