/* main.c: casebook's entry point; everything happens in src/cli. */
#include "cli/cli.h"

int main(int argc, char **argv)
{
	return cb_cli_main(argc, argv);
}
