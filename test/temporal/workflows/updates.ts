// Updates with a validator.
import { condition, defineUpdate, setHandler } from "@temporalio/workflow";

export const addItem = defineUpdate<number, [string]>("addItem");
export const finish = defineUpdate<string[]>("finish");

/** Collects items through updates; the validator refuses empty names. Returns the items when finished. */
export async function shoppingList(): Promise<string[]> {
  const items: string[] = [];
  let done = false;
  setHandler(
    addItem,
    (item) => {
      items.push(item);
      return items.length;
    },
    {
      validator: (item) => {
        if (!item.trim()) throw new Error("item must not be empty");
      },
    },
  );
  setHandler(finish, () => {
    done = true;
    return items;
  });
  await condition(() => done);
  return items;
}
