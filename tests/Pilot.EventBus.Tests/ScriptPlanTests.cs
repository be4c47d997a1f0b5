using Pilot.Storage;
using StackExchange.Redis;

namespace Pilot.EventBus.Tests;

/// <summary>The plan the commit scripts read: key indexes, counts and values in the order the scripts consume them.</summary>
public sealed class ScriptPlanTests
{
    [Fact]
    public void A_key_named_again_keeps_its_first_index_before_and_after_the_plan_switches_to_a_dictionary()
    {
        var plan = new ScriptPlan();
        var names = Enumerable.Range(1, 40).Select(i => $"key:{i}").ToList();
        foreach (var name in names.Concat(names).Append("key:3").Append("key:33"))
        {
            plan.Key(name);
        }

        Assert.Equal(names, plan.Keys.Select(key => key.ToString()));
        var indexes = (byte[])plan.Arguments()[0]!;
        Assert.Equal(Enumerable.Range(1, 40).Concat(Enumerable.Range(1, 40)).Append(3).Append(33), indexes.Select(b => (int)b));
    }

    [Fact]
    public void Values_follow_the_plan_in_order_whether_the_capacity_given_was_exact_too_small_or_too_large()
    {
        foreach (var capacity in new[] { 0, 3, 4, 50 })
        {
            var plan = new ScriptPlan(capacity);
            plan.Number(1);
            plan.Write(new CommitSteps.Written("HSET", "filing:1", ["version", "2", "record"]));

            var arguments = plan.Arguments();

            Assert.Equal(new byte[] { 1, 1, 3 }, (byte[])arguments[0]!);
            Assert.Equal(new RedisValue[] { "HSET", "version", "2", "record" }, arguments[1..]);
            Assert.Equal(5, arguments.Length);
        }
    }
}
