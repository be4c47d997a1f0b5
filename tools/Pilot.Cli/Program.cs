using Pilot.Cli;

return TokenCommand.Run(args, Console.Out, Console.Error);
