namespace Pilot.AppHost.Resources;

/// <summary>Something the machine must have before Pilot can run; the message says how to install it.</summary>
public sealed class MissingPrerequisiteException : Exception
{
    public MissingPrerequisiteException()
    {
    }

    public MissingPrerequisiteException(string message)
        : base(message)
    {
    }

    public MissingPrerequisiteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
