using Pilot.Testing;

// One redis-server for the whole assembly. Only CopyFromRegistryEventsTests consumes registry-events, one test at a time.
[assembly: AssemblyFixture(typeof(RedisServerFixture))]
