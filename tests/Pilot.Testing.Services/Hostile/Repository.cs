namespace Pilot.Testing.Services.Hostile;

/// <summary>Files of the repository the tests run from (the <c>.proto</c> contracts).</summary>
public static class Repository
{
    public static string ProtoText(string fileName)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "protos", fileName);
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        throw new FileNotFoundException($"protos/{fileName} not found above {AppContext.BaseDirectory}");
    }
}
