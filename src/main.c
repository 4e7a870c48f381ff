/* main: lectern's entry point: parse the command line, run a command. */
#include <locale.h>

#include "ui/ui.h"
#include "cli/cli.h"

int main(int argc, char **argv)
{
	struct cli_args a;
	int code;

	setlocale(LC_CTYPE, "");   /* ncursesw needs it; numbers stay C */
	if (cli_parse(argc, argv, &a, &code) < 0)
		return code;
	return cli_run(&a, ui_run);
}
