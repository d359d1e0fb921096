import { describe, expect, it } from "vitest";
import { createAkool } from "./akool";

describe("createAkool", () => {
  it("refuses the retired host", () => {
    expect(() => createAkool({ baseURL: "https://api.akool.com/api/open/v3" })).toThrow(/retired/);
  });
  it.each(["https://api.akool.com", "https://sg3.akool.com"])("refuses %s", (base) => {
    expect(() => createAkool({ baseURL: base })).toThrow();
  });
});
