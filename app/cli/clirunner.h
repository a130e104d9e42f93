#pragma once

#include "clicommands.h"
#include "clioutput.h"

namespace ContactDesk::Cli {

class CliSession;

// Runs one parsed command to the end: sets up the target (starting the embedded sandbox for
// --sandbox, reading a saved connection and its token from the system keychain), hands the
// command to its verb group, and returns the exit code. JSON goes to stdout, errors to stderr.
class CliRunner
{
public:
    int run(const Command& command);

private:
    int dispatch(CliSession& session, const Command& command);
};

} // namespace ContactDesk::Cli
