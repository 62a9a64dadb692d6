#!/usr/bin/env python3
"""Solves an exported `akkoord verken` model (akkoord-bench --verken --verken-export DIR) with OR-Tools CP-SAT.

Same problem as Akkoord's branch and bound: one option per decision; no errors (option requires/excludes, rules with
a `fout` message, rule requires/excludes when the rule fires); every must, no never; every money total (upper bound,
including fired rules) within its limit. Objective, lexicographic: maximise the lowest position satisfaction, then the
sum, then minimise the structural burden. Solved in three stages, each fixing the previous optimum.

Usage: python3 solve.py MODEL.json [...]   (pip install ortools; not a dependency of Akkoord)
Prints per model: the optimum (lowest / sum / structural), CP-SAT's solve time and whether it equals Akkoord's.
"""
import json
import sys
import time

from ortools.sat.python import cp_model


def build(data):
    model = cp_model.CpModel()
    decisions = data["decisions"]
    option_count = sum(d["count"] for d in decisions)
    x = [model.NewBoolVar(f"o{i}") for i in range(option_count)]
    for d in decisions:
        model.AddExactlyOne(x[d["first"]:d["first"] + d["count"]])
    deviates = [x[d["first"] + d["current"]].Not() for d in decisions]
    true = model.NewConstant(1)
    false = model.NewConstant(0)

    def literal(expr):
        op = expr["op"]
        if op == "option":
            return x[expr["index"]]
        if op == "deviates":
            return deviates[expr["index"]]
        if op == "const":
            return true if expr["value"] else false
        if op == "not":
            return literal(expr["args"][0]).Not()
        parts = [literal(arg) for arg in expr["args"]]
        result = model.NewBoolVar("")
        if op == "and":
            model.AddBoolAnd(parts).OnlyEnforceIf(result)
            model.AddBoolOr([p.Not() for p in parts] + [result])
        else:
            model.AddBoolOr(parts).OnlyEnforceIf(result)
            model.AddBoolAnd([p.Not() for p in parts]).OnlyEnforceIf(result.Not())
        return result

    for option, target in data["requires"]:
        if target < 0:
            model.Add(x[option] == 0)
        else:
            model.AddImplication(x[option], x[target])
    for option, target in data["excludes"]:
        model.AddImplication(x[option], x[target].Not())
    metric_count = len(data["metrics"])
    totals = [sum(data["option_metrics"][o][m] * x[o] for o in range(option_count)) for m in range(metric_count)]
    for rule in data["rules"]:
        fired = literal(rule["condition"])
        if rule["error"]:
            model.AddBoolOr([fired.Not()])
        for target in rule["requires"]:
            if target < 0:
                model.AddBoolOr([fired.Not()])
            else:
                model.AddImplication(fired, x[target])
        for target in rule["excludes"]:
            model.AddImplication(fired, x[target].Not())
        for m in range(metric_count):
            if rule["metrics"][m] != 0:
                totals[m] = totals[m] + rule["metrics"][m] * fired
    for m, limit in enumerate(data["limits"]):
        if limit is not None:
            model.Add(totals[m] <= limit)
    scale = data["scale"]
    satisfaction = []
    for position in data["positions"]:
        for option in position["must"]:
            model.Add(x[option] == 1)
        for option in position["never"]:
            model.Add(x[option] == 0)
        if position["empty"]:
            satisfaction.append(scale)
        else:
            satisfaction.append(sum(weight * x[option] for option, weight in position["wishes"]))
    lowest = model.NewIntVar(0, scale, "lowest")
    for value in satisfaction:
        model.Add(lowest <= value)
    total = sum(satisfaction)
    return model, lowest, total, totals[0]


def solve(path, time_limit):
    with open(path) as handle:
        data = json.load(handle)
    model, lowest, total, structural = build(data)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = time_limit
    spent = 0.0
    result = []
    for objective, maximise in ((lowest, True), (total, True), (structural, False)):
        model.Maximize(objective) if maximise else model.Minimize(objective)
        status = solver.Solve(model)
        spent += solver.WallTime()
        if status != cp_model.OPTIMAL:
            return None, spent, solver.StatusName(status)
        value = int(round(solver.ObjectiveValue()))
        result.append(value)
        model.Add(objective == value)
    return result, spent, "OPTIMAL"


def main():
    time_limit = 120.0
    print("| model | CP-SAT optimum (laagste / som / structureel) | CP-SAT tijd (s, 1 worker) | gelijk aan Akkoord |")
    print("| --- | --- | ---: | --- |")
    for path in sys.argv[1:]:
        with open(path) as handle:
            expected = json.load(handle).get("akkoord_optimum")
        started = time.monotonic()
        optimum, spent, status = solve(path, time_limit)
        wall = time.monotonic() - started
        same = "-" if expected is None or optimum is None else ("ja" if optimum == expected else f"NEE (Akkoord {expected})")
        shown = " / ".join(map(str, optimum)) if optimum else status
        print(f"| {path} | {shown} | {spent:.3f} (met opbouw {wall:.3f}) | {same} |")


if __name__ == "__main__":
    main()
