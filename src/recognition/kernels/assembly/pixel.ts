// The one pixel accessor the kernels share.

/** Grey level at byte offset p. */
export function px(p: usize): i32 {
  return <i32>load<u8>(p);
}
