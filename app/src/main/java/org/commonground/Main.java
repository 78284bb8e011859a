package org.commonground;

import org.commonground.cli.AnalyzeCommand;
import org.commonground.cli.DemoCommand;
import org.commonground.cli.ExportCommand;
import org.commonground.cli.ImportPolisCommand;
import org.commonground.cli.ServeCommand;
import org.commonground.cli.UserCommand;
import org.commonground.cli.ValidatePolisCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code commonground} command line: every way to run the product. */
@Command(
        name = "commonground",
        mixinStandardHelpOptions = true,
        version = "Common Ground 0.1",
        description = "A multilingual platform for sustained civic dialogue across borders.",
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            ImportPolisCommand.class,
            ExportCommand.class,
            AnalyzeCommand.class,
            ValidatePolisCommand.class,
            UserCommand.class
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
