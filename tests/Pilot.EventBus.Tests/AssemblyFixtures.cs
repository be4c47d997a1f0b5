using Pilot.Testing;

// One redis-server for the whole assembly; test classes isolate themselves by topic and app id.
[assembly: AssemblyFixture(typeof(RedisServerFixture))]
