using Pilot.Testing;

// One redis-server for the whole assembly; tests isolate themselves by app id.
[assembly: AssemblyFixture(typeof(RedisServerFixture))]
