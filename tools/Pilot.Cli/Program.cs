using Pilot.Cli;

return args.FirstOrDefault() switch
{
    "token" => TokenCommand.Run(args, Console.Out, Console.Error),
    "deadletters" => await DeadLettersCommand.RunAsync(args, Console.Out, Console.Error),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: pilot-cli token … | deadletters …   (run a command without options for its usage)");
    return 2;
}
